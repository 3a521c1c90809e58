-- gdlint language server for Neovim's built-in LSP client (Neovim 0.7 and later).
--
-- Put this file on your runtimepath (e.g. ~/.config/nvim/lua/gdlint.lua) and call
--   require('gdlint').setup()
-- from init.lua, or source it directly: `luafile /path/to/gdlint.lua` then
-- `lua GdlintSetup()`. Options (all optional):
--   require('gdlint').setup({
--     cmd = { 'gdlint', 'lsp' },            -- the server command
--     filetypes = { 'text', 'markdown' },  -- buffers to attach to
--     settings = { gdlint = { lang = 'zh', disable = {}, severity = {} } },
--   })
-- The server reads .gdlint.toml from the file's directory upward; `settings`
-- apply on top of it. Code actions (quick fixes, "fix all"): vim.lsp.buf.code_action().
local M = {}

local defaults = {
  cmd = { 'gdlint', 'lsp' },
  filetypes = { 'text', 'markdown' },
  settings = { gdlint = { lang = 'zh' } },
}

local function root_dir(bufname)
  local dir = vim.fn.fnamemodify(bufname, ':p:h')
  local found = vim.fn.findfile('.gdlint.toml', dir .. ';')
  if found ~= '' then
    return vim.fn.fnamemodify(found, ':p:h')
  end
  local git = vim.fn.finddir('.git', dir .. ';')
  if git ~= '' then
    return vim.fn.fnamemodify(git, ':p:h:h')
  end
  return dir
end

function M.setup(opts)
  opts = vim.tbl_deep_extend('force', defaults, opts or {})
  local clients = {} -- one server per root directory
  local function attach(args)
    local buf = args.buf or vim.api.nvim_get_current_buf()
    local name = vim.api.nvim_buf_get_name(buf)
    local root = root_dir(name ~= '' and name or vim.fn.getcwd() .. '/x')
    local config = {
      name = 'gdlint',
      cmd = opts.cmd,
      root_dir = root,
      settings = opts.settings,
      init_options = opts.settings,
      on_init = function(client)
        client.notify('workspace/didChangeConfiguration', { settings = opts.settings })
      end,
    }
    if vim.lsp.start then -- Neovim 0.8+
      vim.lsp.start(config, { bufnr = buf })
      return
    end
    local id = clients[root]
    if not id or vim.lsp.get_client_by_id(id) == nil then
      id = vim.lsp.start_client(config)
      clients[root] = id
    end
    if id then
      vim.lsp.buf_attach_client(buf, id)
    end
  end
  vim.api.nvim_create_autocmd('FileType', {
    pattern = opts.filetypes,
    group = vim.api.nvim_create_augroup('gdlint', { clear = true }),
    callback = attach,
  })
end

GdlintSetup = M.setup
return M
