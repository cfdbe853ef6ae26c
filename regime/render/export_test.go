package render

// Pounds exposes pounds to the tests.
var Pounds = pounds
