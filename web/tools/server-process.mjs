// Starts one of the repository's native servers (tandem-desk, lumenpay-api)
// as a child process and resolves once its first stdout line says the socket
// is bound: "NAME listening on http://127.0.0.1:PORT".
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export async function startListening(name, bin, args, env = process.env) {
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise((resolve, reject) => {
    lines.once('line', (line) => {
      const match = /listening on (http:\/\/\S+)/.exec(line);
      if (match) resolve(match[1]);
      else reject(new Error(`${name}: unexpected first line: ${line}`));
    });
    child.once('error', reject);
    exited.then((code) => reject(new Error(`${name} exited with ${code}: ${stderr.trim()}`)));
  });
  lines.on('line', () => {}); // keep draining stdout
  return {
    url,
    port: Number(new URL(url).port),
    // SIGTERM: both servers stop cleanly on it.
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
