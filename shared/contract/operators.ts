/**
 * Operators and the station's one session (who is signed in at this screen): the schemas of the session and
 * operator-management commands. PINs cross the contract only inside a sign-in or a PIN change, never in an answer.
 */
import { z } from 'zod';
import { ROLES } from './commandRoles.ts';
import { workerText } from './safeText.ts';
import { OPERATOR_MAX_LENGTH } from './limits.ts';

/** What a worker types at the sign-in screen: a short id of letters and digits (e.g. 1001). */
export const OperatorIdSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{2,16}$/, 'An operator id is 2 to 16 letters or digits, such as 1001.')
  .transform((id) => id.toUpperCase());
/** A PIN: 4 to 8 digits. */
export const PinSchema = z.string().regex(/^\d{4,8}$/, 'A PIN is 4 to 8 digits.');
export const OperatorNameSchema = workerText({ min: 1, max: OPERATOR_MAX_LENGTH });
export const RoleSchema = z.enum(ROLES);

export const OperatorSchema = z.object({
  operatorId: z.string(),
  name: z.string(),
  role: RoleSchema,
  active: z.boolean(),
});
export type Operator = z.infer<typeof OperatorSchema>;

/** The person signed in at this station. */
export const SessionSchema = z.object({
  operatorId: z.string(),
  name: z.string(),
  role: RoleSchema,
  signedInAt: z.number(),
});
export type Session = z.infer<typeof SessionSchema>;

export const SIGN_OUT_CAUSES = ['signedOut', 'idle', 'operatorChanged'] as const;
export type SignOutCause = (typeof SIGN_OUT_CAUSES)[number];

/** Who is signed in (null: nobody), and why the last person was signed out (shown on the sign-in screen). */
export const SessionStateSchema = z.object({
  session: SessionSchema.nullable(),
  lastSignOut: z.object({ name: z.string(), cause: z.enum(SIGN_OUT_CAUSES), idleMinutes: z.number().int().nullable(), at: z.number() }).nullable(),
});
export type SessionState = z.infer<typeof SessionStateSchema>;

const commandId = z.string().uuid();

export const OPERATOR_COMMANDS = {
  'session.current': { request: z.object({}), response: SessionStateSchema },
  'session.signIn': { request: z.object({ operatorId: OperatorIdSchema, pin: PinSchema }), response: SessionStateSchema },
  'session.signOut': { request: z.object({}), response: SessionStateSchema },
  /** The person at the screen is still working (a key or a tap): the idle sign-out starts counting again. */
  'session.touch': { request: z.object({}), response: z.object({}) },
  'operators.list': { request: z.object({}), response: z.array(OperatorSchema) },
  'operators.add': {
    request: z.object({ commandId, operatorId: OperatorIdSchema, name: OperatorNameSchema, role: RoleSchema, pin: PinSchema }),
    response: OperatorSchema,
  },
  'operators.update': {
    request: z.object({ commandId, operatorId: OperatorIdSchema, name: OperatorNameSchema.optional(), role: RoleSchema.optional(), active: z.boolean().optional() }),
    response: OperatorSchema,
  },
  'operators.resetPin': { request: z.object({ commandId, operatorId: OperatorIdSchema, pin: PinSchema }), response: OperatorSchema },
} as const;
