/** A mistake in how the command was called: exit code 2, with the command's help pointer. */
export class UsageError extends Error {}
