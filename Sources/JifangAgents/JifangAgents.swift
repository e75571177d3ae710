// JifangAgents: see the module's files; this one is replaced as the module lands.
