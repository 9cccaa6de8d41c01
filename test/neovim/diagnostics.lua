-- Opens one plan in Neovim with the finetune-lint language server attached,
-- waits for the server's diagnostics and writes what Neovim then holds, as
-- JSON, for test/neovim.test.ts. Run as
--   nvim --headless -u NONE -i NONE -n -c 'luafile test/neovim/diagnostics.lua'
-- with its input in the environment:
--   FTL_NVIM_FILE        the plan to open
--   FTL_NVIM_OUT         where to write the JSON
--   FTL_NVIM_CMD         the server command, a JSON array; when empty, the
--                        configuration Neovim was started with (-u) is to
--                        start the server when the plan is opened
--   FTL_NVIM_INIT        initializationOptions, a JSON object (optional)
--   FTL_NVIM_TIMEOUT_MS  how long to wait for diagnostics
--   FTL_NVIM_EDIT        an edit to type once the first diagnostics are in (optional):
--                        {"line", "start_col", "end_col", "text"}, 0-based, byte columns;
--                        the diagnostics written are then those of the edited text, and
--                        the first ones go in "first"
-- Written for Neovim 0.7 (Debian bookworm): vim.lsp.start_client and
-- vim.lsp.buf_attach_client, which later versions still have.

local out = assert(os.getenv('FTL_NVIM_OUT'), 'FTL_NVIM_OUT is not set')
local result = { nvim = tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch }

local function finish()
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qall!')
end

local function clients_of(bufnr)
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ bufnr = bufnr })
  end
  return vim.tbl_values(vim.lsp.buf_get_clients(bufnr))
end

-- What the editor shows for the buffer: 0-based lines, byte columns.
local function collect(bufnr)
  local shown = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(shown, {
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      severity = d.severity,
      message = d.message,
      source = d.source,
      code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or vim.NIL,
    })
  end
  return shown
end

-- Starts the server for the buffer the way the tests configure it; returns a function that gives
-- what the server published for the buffer (nil until it has).
local function start_configured(bufnr, cmd, init)
  local uri = vim.uri_from_bufnr(bufnr)
  local published = nil
  local client_id = vim.lsp.start_client({
    name = 'finetune-lint',
    cmd = cmd,
    root_dir = vim.fn.getcwd(),
    init_options = init and init ~= '' and vim.fn.json_decode(init) or nil,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
        -- Neovim's own handler turns them into the buffer's diagnostics, as in any session.
        vim.lsp.diagnostic.on_publish_diagnostics(err, params, ctx, config)
        if params.uri == uri then
          published = params
        end
      end,
    },
    on_exit = function(code, signal)
      result.server_exit = { code = code, signal = signal }
    end,
  })
  if not client_id then
    error('vim.lsp.start_client failed')
  end
  vim.lsp.buf_attach_client(bufnr, client_id)
  return function()
    return published
  end
end

local function run()
  local file = assert(os.getenv('FTL_NVIM_FILE'), 'FTL_NVIM_FILE is not set')
  local cmd = os.getenv('FTL_NVIM_CMD') or ''
  local init = os.getenv('FTL_NVIM_INIT')
  local timeout = tonumber(os.getenv('FTL_NVIM_TIMEOUT_MS') or '20000')

  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()

  if cmd ~= '' then
    local published = start_configured(bufnr, vim.fn.json_decode(cmd), init)
    local arrived = vim.wait(timeout, function()
      return published() ~= nil or result.server_exit ~= nil
    end, 20)
    if not arrived then
      result.error = 'no diagnostics within ' .. timeout .. ' ms'
      return
    end
    if published() == nil then
      result.error = 'the server exited before publishing diagnostics'
      return
    end
    result.published = published()
    local edit = os.getenv('FTL_NVIM_EDIT')
    if edit and edit ~= '' then
      edit = vim.fn.json_decode(edit)
      result.first = collect(bufnr)
      local before = published().version
      -- As typing does: Neovim sends the change to the server (incremental, in UTF-16 positions).
      vim.api.nvim_buf_set_text(bufnr, edit.line, edit.start_col, edit.line, edit.end_col, { edit.text })
      local updated = vim.wait(timeout, function()
        return published().version ~= nil and published().version > before or result.server_exit ~= nil
      end, 20)
      if not updated or result.server_exit ~= nil then
        result.error = 'no diagnostics for the edited text within ' .. timeout .. ' ms'
        return
      end
      result.published = published()
    end
  else
    -- The user's configuration attached a client when the plan was opened; its diagnostics show
    -- up in the buffer (this mode is for plans that have findings).
    local arrived = vim.wait(timeout, function()
      return #vim.diagnostic.get(bufnr) > 0
    end, 20)
    result.clients = {}
    for _, c in ipairs(clients_of(bufnr)) do
      table.insert(result.clients, { name = c.name, cmd = c.config.cmd })
    end
    if not arrived then
      result.error = 'no diagnostics within ' .. timeout .. ' ms'
      return
    end
  end

  result.diagnostics = collect(bufnr)
  result.lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)

  -- Stopped as Neovim stops it on quitting, but waited for, so that its exit is seen.
  for _, c in ipairs(clients_of(bufnr)) do
    c.stop()
  end
  vim.wait(5000, function()
    return #clients_of(bufnr) == 0 and (cmd == '' or result.server_exit ~= nil)
  end, 20)
end

local ok, err = pcall(run)
if not ok then
  result.error = tostring(err)
end
finish()
