-- CI check of editors/nvim/gdlint.lua: load the snippet as a user would, open
-- the file given on the command line, wait for gdlint's diagnostics and print
-- each as "gdlint-snippet: CODE LINE:CHARACTER" (the LSP range, UTF-16).
local here = debug.getinfo(1, 'S').source:sub(2):match('(.*/)')
local gdlint = dofile(here .. '../gdlint.lua')
gdlint.setup({ cmd = { os.getenv('GDLINT_CMD') or 'gdlint', 'lsp' } })
vim.cmd('filetype on')
vim.cmd('doautocmd FileType') -- the file was opened before setup ran
local function out(s) io.stdout:write(s .. '\n') end
local got = false
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  for _, d in ipairs(result.diagnostics) do
    out(string.format('gdlint-snippet: %s %d:%d', d.code, d.range.start.line, d.range.start.character))
  end
  got = #result.diagnostics > 0
end
vim.wait(20000, function() return got end, 50)
if not got then out('gdlint-snippet: no diagnostics') end
vim.cmd('qall!')
