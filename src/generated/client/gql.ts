/* eslint-disable */
import * as types from './graphql';
import { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query EventPlaces($id: ID!) {\n  events(where: {id: {eq: $id}}) {\n    id\n    name\n    date\n    placeAsWritten\n    occurredIn {\n      id\n      name\n      level\n    }\n    placesThen {\n      id\n      name\n      level\n    }\n    placesNow {\n      id\n      name\n      level\n    }\n  }\n}\n\nquery EventAwards($id: ID!) {\n  events(where: {id: {eq: $id}}) {\n    id\n    awards {\n      id\n      form\n      category\n      level\n      issuerRole\n      recipientsResolved\n      recipientsAsWritten\n      confidence\n      conferredBy {\n        id\n        name\n      }\n      personRecipients {\n        id\n      }\n      collectiveRecipients {\n        id\n      }\n      agencyRecipients {\n        id\n      }\n    }\n  }\n}\n\nquery FieldExemplars($id: ID!) {\n  fields(where: {id: {eq: $id}}) {\n    id\n    name\n    exemplars {\n      id\n      name\n      isExemplar\n    }\n  }\n}": typeof types.EventPlacesDocument,
    "query RelatedStories($id: ID!, $limit: Int) {\n  relatedStories(id: $id, limit: $limit) {\n    id\n    title\n    url\n    publisher\n    publishedAt\n    publishedPeriod\n    channel\n    score\n    reasons {\n      node {\n        id\n        kind\n        name\n      }\n      link\n      relationship\n      why\n    }\n  }\n}\n\nquery RelatedExemplars($id: ID!, $limit: Int) {\n  relatedExemplars(id: $id, limit: $limit) {\n    id\n    kind\n    name\n    score\n    reasons {\n      node {\n        id\n        kind\n        name\n      }\n      relation\n      broaderSteps\n      degree\n      contribution\n      why\n    }\n  }\n}": typeof types.RelatedStoriesDocument,
};
const documents: Documents = {
    "query EventPlaces($id: ID!) {\n  events(where: {id: {eq: $id}}) {\n    id\n    name\n    date\n    placeAsWritten\n    occurredIn {\n      id\n      name\n      level\n    }\n    placesThen {\n      id\n      name\n      level\n    }\n    placesNow {\n      id\n      name\n      level\n    }\n  }\n}\n\nquery EventAwards($id: ID!) {\n  events(where: {id: {eq: $id}}) {\n    id\n    awards {\n      id\n      form\n      category\n      level\n      issuerRole\n      recipientsResolved\n      recipientsAsWritten\n      confidence\n      conferredBy {\n        id\n        name\n      }\n      personRecipients {\n        id\n      }\n      collectiveRecipients {\n        id\n      }\n      agencyRecipients {\n        id\n      }\n    }\n  }\n}\n\nquery FieldExemplars($id: ID!) {\n  fields(where: {id: {eq: $id}}) {\n    id\n    name\n    exemplars {\n      id\n      name\n      isExemplar\n    }\n  }\n}": types.EventPlacesDocument,
    "query RelatedStories($id: ID!, $limit: Int) {\n  relatedStories(id: $id, limit: $limit) {\n    id\n    title\n    url\n    publisher\n    publishedAt\n    publishedPeriod\n    channel\n    score\n    reasons {\n      node {\n        id\n        kind\n        name\n      }\n      link\n      relationship\n      why\n    }\n  }\n}\n\nquery RelatedExemplars($id: ID!, $limit: Int) {\n  relatedExemplars(id: $id, limit: $limit) {\n    id\n    kind\n    name\n    score\n    reasons {\n      node {\n        id\n        kind\n        name\n      }\n      relation\n      broaderSteps\n      degree\n      contribution\n      why\n    }\n  }\n}": types.RelatedStoriesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query EventPlaces($id: ID!) {\n  events(where: {id: {eq: $id}}) {\n    id\n    name\n    date\n    placeAsWritten\n    occurredIn {\n      id\n      name\n      level\n    }\n    placesThen {\n      id\n      name\n      level\n    }\n    placesNow {\n      id\n      name\n      level\n    }\n  }\n}\n\nquery EventAwards($id: ID!) {\n  events(where: {id: {eq: $id}}) {\n    id\n    awards {\n      id\n      form\n      category\n      level\n      issuerRole\n      recipientsResolved\n      recipientsAsWritten\n      confidence\n      conferredBy {\n        id\n        name\n      }\n      personRecipients {\n        id\n      }\n      collectiveRecipients {\n        id\n      }\n      agencyRecipients {\n        id\n      }\n    }\n  }\n}\n\nquery FieldExemplars($id: ID!) {\n  fields(where: {id: {eq: $id}}) {\n    id\n    name\n    exemplars {\n      id\n      name\n      isExemplar\n    }\n  }\n}"): (typeof documents)["query EventPlaces($id: ID!) {\n  events(where: {id: {eq: $id}}) {\n    id\n    name\n    date\n    placeAsWritten\n    occurredIn {\n      id\n      name\n      level\n    }\n    placesThen {\n      id\n      name\n      level\n    }\n    placesNow {\n      id\n      name\n      level\n    }\n  }\n}\n\nquery EventAwards($id: ID!) {\n  events(where: {id: {eq: $id}}) {\n    id\n    awards {\n      id\n      form\n      category\n      level\n      issuerRole\n      recipientsResolved\n      recipientsAsWritten\n      confidence\n      conferredBy {\n        id\n        name\n      }\n      personRecipients {\n        id\n      }\n      collectiveRecipients {\n        id\n      }\n      agencyRecipients {\n        id\n      }\n    }\n  }\n}\n\nquery FieldExemplars($id: ID!) {\n  fields(where: {id: {eq: $id}}) {\n    id\n    name\n    exemplars {\n      id\n      name\n      isExemplar\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RelatedStories($id: ID!, $limit: Int) {\n  relatedStories(id: $id, limit: $limit) {\n    id\n    title\n    url\n    publisher\n    publishedAt\n    publishedPeriod\n    channel\n    score\n    reasons {\n      node {\n        id\n        kind\n        name\n      }\n      link\n      relationship\n      why\n    }\n  }\n}\n\nquery RelatedExemplars($id: ID!, $limit: Int) {\n  relatedExemplars(id: $id, limit: $limit) {\n    id\n    kind\n    name\n    score\n    reasons {\n      node {\n        id\n        kind\n        name\n      }\n      relation\n      broaderSteps\n      degree\n      contribution\n      why\n    }\n  }\n}"): (typeof documents)["query RelatedStories($id: ID!, $limit: Int) {\n  relatedStories(id: $id, limit: $limit) {\n    id\n    title\n    url\n    publisher\n    publishedAt\n    publishedPeriod\n    channel\n    score\n    reasons {\n      node {\n        id\n        kind\n        name\n      }\n      link\n      relationship\n      why\n    }\n  }\n}\n\nquery RelatedExemplars($id: ID!, $limit: Int) {\n  relatedExemplars(id: $id, limit: $limit) {\n    id\n    kind\n    name\n    score\n    reasons {\n      node {\n        id\n        kind\n        name\n      }\n      relation\n      broaderSteps\n      degree\n      contribution\n      why\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;