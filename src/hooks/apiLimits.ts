import type { CollectionBeforeOperationHook, Config, Plugin } from 'payload'
import { APIError } from 'payload'
import { GraphQLError, Kind, type ValidationRule, type ValueNode } from 'graphql'

export const MAX_LIMIT = 100
export const MAX_DEPTH = 2

/**
 * Payload has no global ceiling on page size. Only what the client asked for is judged: Payload's own
 * internal queries (relationship loading, validation) legitimately read without pagination.
 * REST: the query string of the request. GraphQL: the validation rule below.
 */
export const clampQuery: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (req.payloadAPI !== 'REST' || !['read', 'readDistinct'].includes(operation)) return args
  const params = req.searchParams
  if (!params) return args
  const a = args as { limit?: number }
  if (params.get('pagination') === 'false') {
    throw new APIError(`Unpaginated queries are not allowed; use limit <= ${MAX_LIMIT} and page through.`, 400, null, true)
  }
  const requested = params.get('limit')
  if (requested !== null) {
    const n = Number(requested)
    if (!Number.isInteger(n) || n < 1) throw new APIError(`limit must be a whole number from 1 to ${MAX_LIMIT}.`, 400, null, true)
    if (n > MAX_LIMIT && a.limit === n) a.limit = MAX_LIMIT
  }
  return args
}

function literal(node: ValueNode, variables: Record<string, unknown> | null | undefined): unknown {
  switch (node.kind) {
    case Kind.INT:
      return Number(node.value)
    case Kind.BOOLEAN:
      return node.value
    case Kind.VARIABLE:
      return variables?.[node.name.value]
    default:
      return undefined
  }
}

/** GraphQL: `limit` must be 1..100 and `pagination: false` is refused, literal or variable. */
export const graphqlLimitsRule =
  (variables: Record<string, unknown> | null | undefined): ValidationRule =>
  (context) => ({
    Argument(node) {
      const value = literal(node.value, variables)
      if (node.name.value === 'limit' && value !== undefined && value !== null) {
        const n = Number(value)
        if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT) {
          context.reportError(new GraphQLError(`limit must be a whole number from 1 to ${MAX_LIMIT}.`, { nodes: [node] }))
        }
      }
      if (node.name.value === 'pagination' && value === false) {
        context.reportError(new GraphQLError(`Unpaginated queries are not allowed; use limit <= ${MAX_LIMIT}.`, { nodes: [node] }))
      }
    },
  })

/** Applied last, so collections that other plugins add are covered too. */
export const apiLimits = (): Plugin => (config: Config): Config => ({
  ...config,
  maxDepth: MAX_DEPTH,
  graphQL: {
    ...config.graphQL,
    validationRules: (args) => [
      ...(config.graphQL?.validationRules?.(args) ?? []),
      graphqlLimitsRule((args as { variableValues?: Record<string, unknown> }).variableValues),
    ],
  },
  collections: (config.collections ?? []).map((collection) => ({
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [clampQuery, ...(collection.hooks?.beforeOperation ?? [])],
    },
  })),
})
