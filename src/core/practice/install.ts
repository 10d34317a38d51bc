// The terminal command that installs a missing module with the learner's interpreter, written for the
// shell the terminal runs (PowerShell needs `&` to run a quoted program; cmd and POSIX shells do not).

/** The kind of shell a terminal runs. */
export type ShellKind = 'powershell' | 'cmd' | 'posix';

/** The shell kind of a shell path (VS Code's `env.shell`), e.g. `C:\…\pwsh.exe` → powershell. */
export function shellKind(shellPath: string, platform: NodeJS.Platform): ShellKind {
  const name = shellPath.replace(/\\/g, '/').split('/').pop()?.toLowerCase() ?? '';
  if (/^(pwsh|powershell)(\.exe)?$/.test(name)) return 'powershell';
  if (/^cmd(\.exe)?$/.test(name)) return 'cmd';
  if (!name && platform === 'win32') return 'powershell'; // Windows terminals default to PowerShell
  return 'posix';
}

function quote(text: string, shell: ShellKind): string {
  if (shell === 'posix') return /^[\w./:+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
  if (shell === 'powershell') return `'${text.replace(/'/g, "''")}'`;
  return `"${text}"`;
}

/** `<python> -m pip install <module>` for the shell, the interpreter quoted as that shell needs. */
export function installCommand(python: string, module: string, shell: ShellKind): string {
  const program = quote(python, shell);
  return `${shell === 'powershell' ? '& ' : ''}${program} -m pip install ${module}`;
}
