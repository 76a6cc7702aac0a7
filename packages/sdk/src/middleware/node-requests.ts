/** @module Endpoint readers for Express- and Fastify-style requests, shared by Express, Fastify and NestJS. */
import { safeGet } from '../utils/safe-get';
import { type EndpointReader, pathOf } from './common';

/** A route template that is not only plain and `:param` segments, e.g. `/files/*splat`, `/a{/:b}`, `/:id(\\d+)`. */
const PATTERN_SYNTAX = /[*?+()[\]{}]/;

/**
 * The route template of an Express request: `req.baseUrl + req.route.path`. Express resets
 * `req.baseUrl` once the error leaves a mounted router, so an application-level error handler
 * sees the router-relative template. The mount prefix is then taken from the path: each plain
 * or `:param` segment of the template matches exactly one path segment, so the prefix is what
 * precedes them (a mount path with parameters therefore appears with their values). For other
 * templates, the router-relative template is returned as is.
 */
export function expressRoute(request: unknown): string | undefined {
  const template = safeGet(safeGet(request, 'route'), 'path');
  if (typeof template !== 'string') return undefined;
  const baseUrl = safeGet(request, 'baseUrl');
  if (typeof baseUrl === 'string' && baseUrl !== '') return baseUrl + template;
  const path = pathOf(safeGet(request, 'originalUrl'));
  if (path === undefined || PATTERN_SYNTAX.test(template)) return template;
  const pathSegments = path.replace(/\/+$/, '').split('/');
  const depth = template.replace(/\/+$/, '').split('/').length - 1;
  if (depth > pathSegments.length - 1) return template;
  return pathSegments.slice(0, pathSegments.length - depth).join('/') + template;
}

/** The route template of a Fastify request, `request.routeOptions.url` (unset when no route matched). */
export function fastifyRoute(request: unknown): string | undefined {
  const url = safeGet(safeGet(request, 'routeOptions'), 'url');
  return typeof url === 'string' ? url : undefined;
}

/** The path of an Express or Fastify request; both keep the target as received in `originalUrl`. */
export function requestPath(request: unknown): string | undefined {
  return pathOf(safeGet(request, 'originalUrl') ?? safeGet(request, 'url'));
}

/** Reads Express requests. */
export const EXPRESS_ENDPOINT: EndpointReader<unknown> = { path: requestPath, route: expressRoute };

/** Reads Fastify requests. */
export const FASTIFY_ENDPOINT: EndpointReader<unknown> = { path: requestPath, route: fastifyRoute };

/** Reads the request under a NestJS application, which runs on either Express or Fastify. */
export const NEST_ENDPOINT: EndpointReader<unknown> = {
  path: requestPath,
  route: (request) => fastifyRoute(request) ?? expressRoute(request),
};
