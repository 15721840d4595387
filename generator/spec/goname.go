package spec

// GoName is the Go identifier the loader derives from a member or shape
// name (clientToken → ClientToken, certificateArn → CertificateARN). The
// importer uses it to tell when a member's wire name and its model name
// would give different Go names, so that it writes goName only then.
func GoName(name string) string { return exportedName(name) }
