using System.Runtime.CompilerServices;

// Hot parsing methods carry interpolated-string handlers on their (cold) error paths; zeroing those
// locals on every call cost more than the parsing itself. Every local is assigned before use.
[module: SkipLocalsInit]
