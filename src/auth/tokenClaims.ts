import { z } from 'zod';

/** The roles a token may carry. `editor` may write; `reader` is a signed-in caller who may not. */
export const KNOWN_ROLES = ['editor', 'reader'] as const;
export type Role = (typeof KNOWN_ROLES)[number];

/**
 * The claims an accepted token must have, checked after its signature: `roles` an array of
 * known roles (a string "editor" is refused, not read as one role), `exp` required (a token that
 * never expires is refused), `sub` when given a plain string (the rate limit counts by it).
 * `iss` and `aud` are checked by the verifier when configured. Other claims are dropped.
 */
export const tokenClaimsSchema = z.object({
  sub: z.string().min(1).max(256).optional(),
  roles: z.array(z.enum(KNOWN_ROLES)).max(KNOWN_ROLES.length),
  exp: z.number().int().positive(),
  iat: z.number().int().optional(),
  iss: z.string().optional(),
  aud: z.union([z.string(), z.array(z.string())]).optional(),
});

export type TokenClaims = z.infer<typeof tokenClaimsSchema>;
