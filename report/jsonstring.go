package report

// AppendJSONString appends s quoted as encoding/json does without HTML
// escaping (appendJSONString), for the batch outputs' own JSON writer
// (report/batchreport).
func AppendJSONString(b []byte, s string) []byte { return appendJSONString(b, s) }
