// Configures the SDK once per server process, and reports what Next.js catches while rendering
// and in route handlers. SENTINEL_API_KEY and SENTINEL_GATEWAY_URL configure the SDK.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { configure } = await import('sentinel-sdk');
    configure({
      apiKey: process.env.SENTINEL_API_KEY ?? 'dev-key',
      githubRepo: 'acme/shop',
      gatewayUrl: process.env.SENTINEL_GATEWAY_URL ?? 'http://127.0.0.1:8787',
    });
  }
}

export async function onRequestError(...args) {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { createOnRequestError } = await import('sentinel-sdk/next');
    createOnRequestError({ endpoint: 'route' })(...args);
  }
}
