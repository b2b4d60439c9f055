/**
 * A domain rule said no (not found, forbidden, conflict, bad input): the message is for the member and
 * `status` is the HTTP answer an endpoint gives. Domain code throws it; endpoints turn it into a 4xx.
 */
export class RuleError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message)
  }
}
