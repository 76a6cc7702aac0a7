/** The part of workerd's built-in `cloudflare:workers` module that the SDK uses. */
declare module 'cloudflare:workers' {
  /** Absent from workerd releases older than August 2025. */
  export const waitUntil: ((promise: Promise<unknown>) => void) | undefined;
}
