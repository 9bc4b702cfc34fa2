/**
 * The MCP server's JSON-schema validator. The SDK validates with it only the answers to its
 * elicitation requests, and this server never elicits; by default the SDK would load ajv for it
 * (a fifth of the bundle and of the start-up time). The build leaves ajv out (scripts/build.mjs),
 * so a validator must be passed: this one refuses, loudly, should elicitation ever be added.
 */
import type { jsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/types.js';

export const noElicitationValidator: jsonSchemaValidator = {
  getValidator() {
    throw new Error('session-bus does not elicit: bundle a JSON-schema validator before using elicitation');
  },
};
