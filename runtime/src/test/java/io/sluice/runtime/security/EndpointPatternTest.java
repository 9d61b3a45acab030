package io.sluice.runtime.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EndpointPatternTest {
    @Test
    void anExactHostMatchesItsNameWithoutCaseOnItsPortOnly() {
        EndpointPattern kafka = EndpointPattern.parse("kafka.internal:9092");
        assertTrue(kafka.matches("kafka.internal", 9092));
        assertTrue(kafka.matches("KAFKA.Internal", 9092));
        assertFalse(kafka.matches("kafka.internal", 9093));
        assertFalse(kafka.matches("kafka.internal.", 9092));
        assertFalse(kafka.matches("kafka.internal.evil.com", 9092));
        assertFalse(kafka.matches("evil-kafka.internal", 9092));
    }

    @Test
    void aWildcardDomainMatchesNamesUnderItButNotTheDomainItself() {
        EndpointPattern domain = EndpointPattern.parse("*.example.com:*");
        assertTrue(domain.matches("db.example.com", 5432));
        assertTrue(domain.matches("a.b.example.com", 1));
        assertFalse(domain.matches("example.com", 5432));
        assertFalse(domain.matches("badexample.com", 5432));
        assertFalse(domain.matches("db.example.com.evil.org", 5432));
        assertFalse(domain.matches("evil.org/.example.com", 5432));
    }

    @Test
    void namesAreComparedAsWrittenSoLocalhostIsNotTheLoopbackAddress() {
        EndpointPattern loopback = EndpointPattern.parse("127.0.0.1:5432");
        assertTrue(loopback.matches("127.0.0.1", 5432));
        assertFalse(loopback.matches("localhost", 5432));
        assertFalse(loopback.matches("127.1", 5432));
        assertFalse(loopback.matches("2130706433", 5432));
        assertFalse(EndpointPattern.parse("localhost:5432").matches("127.0.0.1", 5432));
    }

    @Test
    void anIpv6AddressIsWrittenInBracketsAndMatchedWithOrWithoutThem() {
        EndpointPattern v6 = EndpointPattern.parse("[::1]:9999");
        assertEquals("::1", v6.host());
        assertTrue(v6.matches("::1", 9999));
        assertTrue(v6.matches("[::1]", 9999));
        assertFalse(v6.matches("::2", 9999));
        assertEquals("[::1]:9999", v6.toString());
    }

    @Test
    void anyHostAndAnyPort() {
        assertTrue(EndpointPattern.parse("*:9092").matches("anything.at.all", 9092));
        assertFalse(EndpointPattern.parse("*:9092").matches("anything.at.all", 9093));
        assertTrue(EndpointPattern.parse("*:*").matches("10.0.0.1", 1));
        assertEquals("*.example.com:*", EndpointPattern.parse("*.Example.com:*").toString());
    }

    @Test
    void badPatternsAreRefusedWithTheReason() {
        assertEquals("'kafka' is not HOST:PORT, e.g. kafka.internal:9092 or *.example.com:*",
                assertThrows(IllegalArgumentException.class, () -> EndpointPattern.parse("kafka")).getMessage());
        assertEquals("'kafka:x': the port 'x' is not a number or '*'",
                assertThrows(IllegalArgumentException.class, () -> EndpointPattern.parse("kafka:x")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> EndpointPattern.parse("kafka:0"));
        assertThrows(IllegalArgumentException.class, () -> EndpointPattern.parse("kafka:70000"));
        assertEquals("'kafka-*.internal' is not a host name, an address, '*' or '*.domain'",
                assertThrows(IllegalArgumentException.class, () -> EndpointPattern.parse("kafka-*.internal:1")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> EndpointPattern.parse("a/b:1"));
    }
}
