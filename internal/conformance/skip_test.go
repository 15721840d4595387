package conformance

// skips lists the cases that do not pass yet, by suite file, way and case
// id, each with why. A listed case that passes fails TestConformance.
var skips = map[string]string{}
