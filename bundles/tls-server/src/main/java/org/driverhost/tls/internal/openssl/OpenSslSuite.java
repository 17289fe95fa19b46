package org.driverhost.tls.internal.openssl;

/**
 * One TLS 1.2-and-older cipher suite of OpenSSL, with the attributes that OpenSSL's cipher strings select on.
 *
 * @param id the two-byte suite id, for example {@code 0xC02C}
 * @param openSslName the OpenSSL name, for example {@code ECDHE-ECDSA-AES256-GCM-SHA384}
 * @param ianaName the IANA name, which is also the JSSE name
 * @param minProtocol the oldest protocol version the suite runs on, as {@code 0x0300} (SSLv3) to {@code 0x0303}
 * @param keyExchange one {@code SuiteAlgorithms.KX_*} bit
 * @param authentication the {@code SuiteAlgorithms.AU_*} bits
 * @param encryption one {@code SuiteAlgorithms.ENC_*} bit
 * @param mac one {@code SuiteAlgorithms.MAC_*} bit
 * @param strengthBits the effective symmetric key size, which {@code @STRENGTH} and security levels compare
 * @param strength the {@code SuiteAlgorithms.STRENGTH_*} and {@code NOT_DEFAULT} bits
 */
record OpenSslSuite(
        int id,
        String openSslName,
        String ianaName,
        int minProtocol,
        int keyExchange,
        int authentication,
        int encryption,
        int mac,
        int strengthBits,
        int strength) {
}
