#ifndef JIFANG_CNETSNMP_SHIM_H
#define JIFANG_CNETSNMP_SHIM_H
// libc first: net-snmp-config.h defines _GNU_SOURCE, which otherwise changes fd_set once
// Foundation has imported the same headers.
#include <sys/types.h>
#include <sys/select.h>
#include <sys/time.h>
#include <netinet/in.h>
#include <net-snmp/net-snmp-config.h>
#include <net-snmp/net-snmp-includes.h>
#endif
