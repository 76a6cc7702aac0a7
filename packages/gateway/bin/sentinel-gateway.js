#!/usr/bin/env node
// The command's entry. It lives in the repository, unlike dist/, because npm links a
// package's commands at install time and skips those whose file does not exist yet.
try {
  await import('../dist/cli.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('cli.js')) throw error;
  console.error('sentinel-gateway: not built yet; run `npm run build -w sentinel-gateway` first');
  process.exitCode = 1;
}
