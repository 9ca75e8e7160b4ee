// Every generator of the fuzz suite, by area (tokens, headers, paths and queries, bodies, the HTTP
// layer), one file an area: this index lists at a glance what the suite throws at the API.
// Generators return small descriptions; values that are big by design (deep JSON, large bodies,
// huge tokens) are built from a size, so a counterexample stays readable.
export { bodies, bodyText, type BodyCase } from './bodies';
export { headerText } from './common';
export { authorizations, contentTypes, ifMatchValues, requestIds, type AuthorizationCase } from './headers';
export { httpLayerCases, type HttpLayerCase } from './http-layer';
export { deepJsonText, isJson, largeBodyText, type DeepJson, type LargeBody } from './json-text';
export { ids, queries } from './paths';
export { invalidTokens, wrongTypedGrants, type TokenCase } from './tokens';
