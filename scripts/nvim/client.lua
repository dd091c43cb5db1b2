-- A second real LSP client for the nianbao server: Neovim (0.7+), headless, no user config.
-- Run as: NIANBAO_JOB=job.json nvim --headless -u NONE -c "luafile scripts/nvim/client.lua"
-- job.json: { node, server, file, out, hover = {line, character}, action = {line, character} } (0-based, UTF-16).
-- Opens the file, starts the server over stdio with vim.lsp.start_client, waits for its diagnostics and its
-- nianbao/status notification, asks for a hover and for code actions, and writes what it got to job.out as JSON.
-- Diagnostics are read back from vim.diagnostic (byte columns, as Neovim stores them) and converted to UTF-16.

local function read_json(path)
  local f = assert(io.open(path, 'r'))
  local s = f:read('*a')
  f:close()
  return vim.fn.json_decode(s)
end

local job = read_json(assert(os.getenv('NIANBAO_JOB'), 'NIANBAO_JOB not set'))
local out = { file = job.file, log = {} }

local function finish(code)
  local f = assert(io.open(job.out, 'w'))
  f:write(vim.fn.json_encode(out))
  f:close()
  vim.cmd((code == 0) and 'qa!' or ('cq! ' .. code))
end

local ok, err = pcall(function()
  vim.cmd('filetype on') -- so that a .txt buffer gets the filetype (language id) "text"
  vim.cmd('edit ' .. vim.fn.fnameescape(job.file))
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)
  out.filetype = vim.bo[bufnr].filetype

  local published, status = nil, nil
  local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
  local client_id = vim.lsp.start_client({
    name = 'nianbao',
    cmd = { job.node, job.server, '--stdio' },
    root_dir = vim.fn.fnamemodify(job.file, ':p:h'),
    offset_encoding = 'utf-16',
    handlers = {
      ['textDocument/publishDiagnostics'] = function(e, result, ctx, config)
        if result and result.uri == uri then published = result end
        return default_publish(e, result, ctx, config)
      end,
      ['nianbao/status'] = function(_, result)
        if result and result.uri == uri then status = result end
      end,
      ['window/logMessage'] = function(_, result)
        table.insert(out.log, result and result.message or '')
      end,
    },
  })
  assert(client_id, 'vim.lsp.start_client failed')
  assert(vim.lsp.buf_attach_client(bufnr, client_id), 'buf_attach_client failed')

  -- the server sends its diagnostics and then the status notification of the document
  local done = vim.wait(30000, function()
    return published ~= nil and status ~= nil and #vim.diagnostic.get(bufnr) == #published.diagnostics
  end, 20)
  assert(done, 'no diagnostics / nianbao/status from the server within 30 s')
  out.status = status
  out.raw = published.diagnostics

  local severity = { [1] = 'error', [2] = 'warning', [3] = 'info', [4] = 'hint' }
  local function utf16(lnum, byte_col)
    local line = vim.api.nvim_buf_get_lines(bufnr, lnum, lnum + 1, false)[1] or ''
    if byte_col > #line then byte_col = #line end
    local _, u16 = vim.str_utfindex(line, byte_col)
    return u16
  end
  out.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(out.diagnostics, {
      rule = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code),
      source = d.source,
      severity = severity[d.severity],
      message = d.message,
      line = d.lnum + 1,
      column = utf16(d.lnum, d.col) + 1,
      endLine = d.end_lnum + 1,
      endColumn = utf16(d.end_lnum, d.end_col) + 1,
      byteColumn = d.col + 1,
    })
  end

  local client = vim.lsp.get_client_by_id(client_id)
  local doc = { uri = uri }

  local hover = client.request_sync('textDocument/hover', { textDocument = doc, position = job.hover }, 10000, bufnr)
  out.hover = hover and (hover.result or { error = hover.err }) or { error = 'timeout' }

  local context_diags = {}
  for _, d in ipairs(published.diagnostics) do
    if d.range.start.line == job.action.line and d.range.start.character == job.action.character then
      table.insert(context_diags, d)
    end
  end
  out.actionDiagnostics = #context_diags
  local range = { start = job.action, ['end'] = job.action }
  if #context_diags > 0 then range = context_diags[1].range end
  local actions = client.request_sync('textDocument/codeAction', {
    textDocument = doc,
    range = range,
    context = { diagnostics = context_diags },
  }, 10000, bufnr)
  out.codeActions = {}
  if actions and actions.result then
    for _, a in ipairs(actions.result) do
      table.insert(out.codeActions, { title = a.title, kind = a.kind, hasEdit = a.edit ~= nil })
    end
  else
    out.codeActionsError = actions and actions.err or 'timeout'
  end

  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.client_is_stopped(client_id) end, 20)
end)

if not ok then
  out.error = tostring(err)
  finish(1)
else
  finish(0)
end
