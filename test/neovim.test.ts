/**
 * docs/editors.md's Neovim set-up, run by the real editor: headless Neovim (Debian's, 0.7, which
 * .ci/run installs from apt) loads the `init.lua` the docs show, opens a page, and the language
 * server's diagnostic must arrive in `vim.diagnostic`. Without `nvim` on the PATH the test is
 * skipped, and says so.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { md, requireBuiltCli, tempFolder, writeFile } from "./helpers.js";

requireBuiltCli();
const LSP = fileURLToPath(new URL("../dist/bundle/lsp.js", import.meta.url));
const EDITORS = fileURLToPath(new URL("../docs/editors.md", import.meta.url));
const nvim = spawnSync("nvim", ["--version"], { encoding: "utf8" });
const nvimVersion = nvim.status === 0 ? nvim.stdout.split("\n")[0] : undefined;
if (!nvimVersion)
  console.warn("test/neovim.test.ts: skipped: nvim is not installed (apt-get install neovim)");

const tmp = tempFolder("gdl-nvim-");

/** The first `lua` block of the Neovim section of docs/editors.md: the init.lua users copy. */
function documentedInitLua(): string {
  const docs = readFileSync(EDITORS, "utf8");
  const section = /^### Neovim\n([^]*?)(?=^### )/m.exec(docs)?.[1];
  const block = section && /^```lua\n([^]*?)^```$/m.exec(section)?.[1];
  if (!block) throw new Error("docs/editors.md has no ```lua block under ### Neovim");
  return block;
}

/** Waits for the buffer's diagnostics, writes them to $GDL_RESULT, and quits (non-zero without any). */
const CHECK = `
local ok = vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local out = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(out, string.format("%d:%d %s %s", d.lnum + 1, d.col + 1, d.source or "", d.message))
end
vim.fn.writefile(out, vim.env.GDL_RESULT)
vim.cmd(ok and "qall!" or "cquit!")
`;

describe.skipIf(!nvimVersion)(`Neovim (${nvimVersion ?? "not installed"})`, () => {
  it("starts the language server from the documented init.lua and shows its diagnostic", () => {
    const dir = tmp.fresh("n");
    // graph-docs-lint-lsp on the PATH, as `npm install -g` or `npm link` puts it.
    const bin = writeFile(
      dir,
      "bin/graph-docs-lint-lsp",
      `#!/bin/sh\nexec "${process.execPath}" "${LSP}" "$@"\n`,
    );
    chmodSync(bin, 0o755);
    const init = writeFile(dir, "init.lua", documentedInitLua());
    const check = writeFile(dir, "check.lua", CHECK);
    writeFile(dir, "docs/.graph-docs-lint.json", "{}");
    const page = writeFile(dir, "docs/api/page.md", md("# Page", "", "TODO"));
    const result = spawnSync("nvim", ["--headless", "--clean", "-u", init, "-c", `luafile ${check}`, page], {
      cwd: dir,
      encoding: "utf8",
      timeout: 60_000,
      env: {
        ...process.env,
        PATH: `${join(dir, "bin")}:${process.env.PATH}`,
        GDL_RESULT: join(dir, "result.txt"),
      },
    });
    expect(result.error).toBeUndefined();
    expect(readFileSync(join(dir, "result.txt"), "utf8")).toBe(
      '3:1 graph-docs-lint TODO placeholder "TODO" must be replaced with real content.\n',
    );
    expect(result.status).toBe(0);
  }, 90_000);
});
