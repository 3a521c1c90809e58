package lsp

import "encoding/json"

// textDocument is the member that names the document in every feature
// request; the params types embed it.
type textDocument struct {
	TextDocument struct {
		URI string `json:"uri"`
	} `json:"textDocument"`
}

func (t *textDocument) uri() string { return t.TextDocument.URI }

// documentRequest is the params of a request about one document.
type documentRequest interface{ uri() string }

// documentParams is a request that names only the document.
type documentParams struct{ textDocument }

// reportSnapshot decodes the params of a feature request into p and returns
// the current snapshot of the document it names; nil when the document is
// not an annual report, which the features answer with their empty result
// (noReport).
func (s *Server) reportSnapshot(raw json.RawMessage, p documentRequest) (*snapshot, error) {
	if err := decode(raw, p); err != nil {
		return nil, err
	}
	snap, err := s.current(p.uri())
	if err != nil || !snap.annual {
		return nil, err
	}
	return snap, nil
}

// noReport answers a request reportSnapshot found no report for: the error
// if there was one, else the feature's empty result.
func noReport(empty any, err error) (any, error) {
	if err != nil {
		return nil, err
	}
	return empty, nil
}
