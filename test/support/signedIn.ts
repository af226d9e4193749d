/**
 * How tests start signed in. In process: pass `signedInAs: TEST_LEAD` (or TEST_OPERATOR) to createStation or
 * openConfiguredStation (a test-only option; the person is created with no usable PIN). Over the WebSocket: open
 * the socket with `StationSocket.openSignedIn(info)`, which signs in as the demo lead through `session.signIn`, the
 * same path the screen uses (the station must have been started with --demo).
 */
export const TEST_LEAD = { operatorId: 'TESTLEAD', name: 'Test Lead', role: 'lead' } as const;
export const TEST_OPERATOR = { operatorId: 'TESTOP', name: 'Test Operator', role: 'operator' } as const;
