#ifndef JIFANG_CPCAP_SHIM_H
#define JIFANG_CPCAP_SHIM_H
#include <pcap/pcap.h>
#endif
