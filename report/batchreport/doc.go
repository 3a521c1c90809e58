// Package batchreport writes a batch run's result (lint/batch) for the
// supervising office: one JSON document (json.go documents its schema), one
// self-contained HTML page and an XLSX workbook, all read from the same
// serialisable view of the result. It is apart from package report so that
// the per-document printers do not link the workbook library.
package batchreport
