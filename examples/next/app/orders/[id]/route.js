import { withSentinel } from 'sentinel-sdk/next';

const orders = new Map([['1', { total: 42 }]]);

// GET /orders/2 throws a TypeError: Next.js answers 500, and Sentinel gets the report.
export const GET = withSentinel(async (request, { params }) => {
  const { id } = await params;
  return Response.json({ total: orders.get(id).total });
});
