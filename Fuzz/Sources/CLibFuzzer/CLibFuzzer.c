// The declaration in include/ is the whole module; SwiftPM wants a source file for a C target.
#include "CLibFuzzer.h"
