#ifndef JIFANG_CNETSNMP_SHIM_H
#define JIFANG_CNETSNMP_SHIM_H
// libc first: net-snmp-config.h defines _GNU_SOURCE, which otherwise changes fd_set once
// Foundation has imported the same headers.
#include <sys/types.h>
#include <sys/select.h>
#include <sys/time.h>
#include <netinet/in.h>
#ifdef __linux__
// The engine watches session sockets with epoll and is woken through an eventfd.
#include <sys/epoll.h>
#include <sys/eventfd.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <net-snmp/net-snmp-config.h>
#include <net-snmp/net-snmp-includes.h>
#include <net-snmp/library/large_fd_set.h>

// Constants defined by composite macros, which Swift does not import.
static const int JF_MSG_GET = SNMP_MSG_GET;
static const int JF_MSG_GETNEXT = SNMP_MSG_GETNEXT;
static const int JF_MSG_GETBULK = SNMP_MSG_GETBULK;
static const int JF_MSG_SET = SNMP_MSG_SET;
static const int JF_MSG_RESPONSE = SNMP_MSG_RESPONSE;
static const int JF_MSG_REPORT = SNMP_MSG_REPORT;

static const int JF_ASN_INTEGER = ASN_INTEGER;
static const int JF_ASN_BIT_STR = ASN_BIT_STR;
static const int JF_ASN_OCTET_STR = ASN_OCTET_STR;
static const int JF_ASN_NULL = ASN_NULL;
static const int JF_ASN_OBJECT_ID = ASN_OBJECT_ID;
static const int JF_ASN_IPADDRESS = ASN_IPADDRESS;
static const int JF_ASN_COUNTER = ASN_COUNTER;
static const int JF_ASN_GAUGE = ASN_GAUGE;
static const int JF_ASN_TIMETICKS = ASN_TIMETICKS;
static const int JF_ASN_OPAQUE = ASN_OPAQUE;
static const int JF_ASN_COUNTER64 = ASN_COUNTER64;
static const int JF_ASN_OPAQUE_COUNTER64 = ASN_OPAQUE_COUNTER64;
static const int JF_ASN_OPAQUE_U64 = ASN_OPAQUE_U64;
static const int JF_ASN_OPAQUE_I64 = ASN_OPAQUE_I64;
static const int JF_NOSUCHOBJECT = SNMP_NOSUCHOBJECT;
static const int JF_NOSUCHINSTANCE = SNMP_NOSUCHINSTANCE;
static const int JF_ENDOFMIBVIEW = SNMP_ENDOFMIBVIEW;

static const int JF_OP_RECEIVED = NETSNMP_CALLBACK_OP_RECEIVED_MESSAGE;
static const int JF_OP_TIMED_OUT = NETSNMP_CALLBACK_OP_TIMED_OUT;
static const int JF_OP_SEND_FAILED = NETSNMP_CALLBACK_OP_SEND_FAILED;
static const int JF_OP_SEC_ERROR = NETSNMP_CALLBACK_OP_SEC_ERROR;
static const int JF_OP_RESEND = NETSNMP_CALLBACK_OP_RESEND;
static const int JF_OP_CONNECT = NETSNMP_CALLBACK_OP_CONNECT;

/// Configures the library for a client that loads no MIB files, reads no configuration files,
/// writes no persistent state and logs nowhere. Call once, before any session exists.
static inline void jf_netsnmp_init(const char *app) {
    setenv("MIBS", "", 1);
    netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DONT_READ_CONFIGS, 1);
    netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DONT_PERSIST_STATE, 1);
    netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DISABLE_PERSISTENT_LOAD, 1);
    netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DISABLE_PERSISTENT_SAVE, 1);
    netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DONT_CHECK_RANGE, 1);
    netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_QUICK_PRINT, 1);
    snmp_disable_log();
    // A handler that swallows everything: with no handler at all, net-snmp falls back to stderr.
    netsnmp_register_loghandler(NETSNMP_LOGHANDLER_NONE, LOG_DEBUG);
    init_snmp(app);
}

// Exported by libnetsnmp but declared in no installed header (its parameter is the opaque
// session list entry that snmp_sess_open returns).
int snmpv3_engineID_probe(void *slp, netsnmp_session *in_session);

/// Discovers the agent's engine ID (and, with auth, its boots/time) synchronously. net-snmp 5.9
/// otherwise does this inside the first send, which would block the thread that sends.
/// Returns 0 on success, else the session's SNMPERR code.
static inline int jf_sess_probe_engine(void *sessp) {
    netsnmp_session *s = snmp_sess_session(sessp);
    if (!s || s->version != SNMP_VERSION_3) return 0;
    if (s->securityEngineIDLen > 0) return 0;
    s->s_snmp_errno = 0;
    if (snmpv3_engineID_probe(sessp, s)) return 0;
    return s->s_snmp_errno ? s->s_snmp_errno : SNMPERR_GENERR;
}

/// The session's UDP socket, or -1.
static inline int jf_sess_socket(void *sessp) {
    netsnmp_transport *t = snmp_sess_transport(sessp);
    return t ? t->sock : -1;
}

/// Reads one datagram for `sessp`, whose socket is `fd`, through the shared large fd set.
static inline int jf_sess_read(void *sessp, int fd, netsnmp_large_fd_set *set) {
    netsnmp_large_fd_setfd(fd, set);
    int rc = snmp_sess_read2(sessp, set);
    netsnmp_large_fd_clr(fd, set);
    return rc;
}

/// Microseconds until net-snmp wants `snmp_sess_timeout` called for `sessp`, or -1 when it has
/// no request outstanding.
static inline long long jf_sess_next_timeout_us(void *sessp, int fd, netsnmp_large_fd_set *set) {
    int numfds = 0, block = 1;
    struct timeval tv = {0, 0};
    snmp_sess_select_info2(sessp, &numfds, set, &tv, &block);
    if (fd >= 0) netsnmp_large_fd_clr(fd, set);
    if (block) return -1;
    return (long long)tv.tv_sec * 1000000LL + tv.tv_usec;
}

static inline netsnmp_large_fd_set *jf_large_fd_set_new(unsigned size) {
    netsnmp_large_fd_set *set = calloc(1, sizeof(netsnmp_large_fd_set));
    netsnmp_large_fd_set_init(set, size);
    return set;
}

static inline void jf_pdu_set_bulk(netsnmp_pdu *pdu, long nonRepeaters, long maxRepetitions) {
    pdu->non_repeaters = nonRepeaters;
    pdu->max_repetitions = maxRepetitions;
}

static inline unsigned long long jf_counter64(const netsnmp_variable_list *v) {
    if (!v->val.counter64 || v->val_len < sizeof(struct counter64)) return 0;
    return ((unsigned long long)(v->val.counter64->high & 0xffffffffUL) << 32)
        | (v->val.counter64->low & 0xffffffffUL);
}

static inline long jf_integer(const netsnmp_variable_list *v) {
    return v->val.integer ? *v->val.integer : 0;
}

static inline int jf_add_counter64(netsnmp_pdu *pdu, const oid *name, size_t len, unsigned long long value) {
    struct counter64 c;
    c.high = (u_long)(value >> 32);
    c.low = (u_long)(value & 0xffffffffULL);
    return snmp_pdu_add_variable(pdu, name, len, ASN_COUNTER64, &c, sizeof(c)) != NULL;
}

static inline int jf_add_long(netsnmp_pdu *pdu, const oid *name, size_t len, int type, long value) {
    return snmp_pdu_add_variable(pdu, name, len, (u_char)type, &value, sizeof(value)) != NULL;
}

/// Auth protocol codes used by jf_session_set_v3: 0 none, 1 MD5, 2 SHA, 3 SHA-224, 4 SHA-256,
/// 5 SHA-384, 6 SHA-512. Priv: 0 none, 1 DES, 2 AES, 3 AES-192, 4 AES-256.
/// Returns 0 on success, -1 for an unsupported auth protocol, -2 for an unsupported priv
/// protocol, -3 when the auth key cannot be derived, -4 for the priv key.
/// Strings are copied by snmp_sess_open; they must stay valid until then.
static inline int jf_session_set_v3(netsnmp_session *s, const char *user, int auth, const char *authPass,
                                    int priv, const char *privPass, const char *context) {
    s->version = SNMP_VERSION_3;
    s->securityName = (char *)user;
    s->securityNameLen = strlen(user);
    s->contextName = (char *)context;
    s->contextNameLen = strlen(context);
    s->securityModel = SNMP_SEC_MODEL_USM;
    const oid *ap = NULL;
    size_t apLen = 0;
    switch (auth) {
    case 0: break;
#ifndef NETSNMP_DISABLE_MD5
    case 1: ap = usmHMACMD5AuthProtocol; apLen = OID_LENGTH(usmHMACMD5AuthProtocol); break;
#endif
    case 2: ap = usmHMACSHA1AuthProtocol; apLen = OID_LENGTH(usmHMACSHA1AuthProtocol); break;
#ifdef HAVE_EVP_SHA224
    case 3: ap = usmHMAC128SHA224AuthProtocol; apLen = OID_LENGTH(usmHMAC128SHA224AuthProtocol); break;
    case 4: ap = usmHMAC192SHA256AuthProtocol; apLen = OID_LENGTH(usmHMAC192SHA256AuthProtocol); break;
#endif
#ifdef HAVE_EVP_SHA384
    case 5: ap = usmHMAC256SHA384AuthProtocol; apLen = OID_LENGTH(usmHMAC256SHA384AuthProtocol); break;
    case 6: ap = usmHMAC384SHA512AuthProtocol; apLen = OID_LENGTH(usmHMAC384SHA512AuthProtocol); break;
#endif
    default: return -1;
    }
    const oid *pp = NULL;
    size_t ppLen = 0;
    switch (priv) {
    case 0: break;
#ifndef NETSNMP_DISABLE_DES
    case 1: pp = usmDESPrivProtocol; ppLen = OID_LENGTH(usmDESPrivProtocol); break;
#endif
    case 2: pp = usmAESPrivProtocol; ppLen = OID_LENGTH(usmAESPrivProtocol); break;
#ifdef NETSNMP_DRAFT_BLUMENTHAL_AES_04
    case 3: pp = usmAES192PrivProtocol; ppLen = OID_LENGTH(usmAES192PrivProtocol); break;
    case 4: pp = usmAES256PrivProtocol; ppLen = OID_LENGTH(usmAES256PrivProtocol); break;
#endif
    default: return -2;
    }
    if (priv != 0 && auth == 0) return -2;
    if (ap == NULL) {
        s->securityLevel = SNMP_SEC_LEVEL_NOAUTH;
        return 0;
    }
    s->securityAuthProto = (oid *)ap;
    s->securityAuthProtoLen = apLen;
    s->securityAuthKeyLen = USM_AUTH_KU_LEN;
    if (generate_Ku(ap, (u_int)apLen, (const u_char *)authPass, strlen(authPass),
                    s->securityAuthKey, &s->securityAuthKeyLen) != SNMPERR_SUCCESS) {
        return -3;
    }
    if (pp == NULL) {
        s->securityLevel = SNMP_SEC_LEVEL_AUTHNOPRIV;
        return 0;
    }
    s->securityPrivProto = (oid *)pp;
    s->securityPrivProtoLen = ppLen;
    s->securityPrivKeyLen = USM_PRIV_KU_LEN;
    if (generate_Ku(ap, (u_int)apLen, (const u_char *)privPass, strlen(privPass),
                    s->securityPrivKey, &s->securityPrivKeyLen) != SNMPERR_SUCCESS) {
        return -4;
    }
    s->securityLevel = SNMP_SEC_LEVEL_AUTHPRIV;
    return 0;
}

#endif
