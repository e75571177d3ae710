#ifndef JIFANG_CPCAP_SHIM_H
#define JIFANG_CPCAP_SHIM_H
#include <pcap/pcap.h>

/// Asks the processor to start loading `address` into its cache. Reading a capture file, the
/// ARP watcher asks for the next frame's station state while it judges the current frame, so
/// the memory latency of a large station table overlaps useful work.
static inline void jifang_prefetch(const void *address) {
    __builtin_prefetch(address);
}
#endif
