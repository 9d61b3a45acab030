package io.sluice.runtime.function;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Functions that encode text or numbers, as Flink has them: base64, message digests (MD5, SHA-1,
 * SHA-256 of the UTF-8 bytes, as lower-case hex), HEX and BIN, URL encoding and PARSE_URL.
 */
public final class EncodingFunctions {
    private static final HexFormat LOWER_HEX = HexFormat.of();
    private static final HexFormat UPPER_HEX = HexFormat.of().withUpperCase();

    private EncodingFunctions() {
    }

    public static String toBase64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** FROM_BASE64(s): the UTF-8 text the base64 encodes; text that is not base64 fails with 22000. */
    public static String fromBase64(String s) {
        try {
            return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new SluiceException(ErrorCode.DATA_ERROR, "FROM_BASE64: the text is not base64 (" + e.getMessage() + ")");
        }
    }

    /** The digest of the UTF-8 bytes by {@code algorithm} ("MD5", "SHA-1", "SHA-256"), in lower-case hex. */
    public static String digest(String algorithm, String s) {
        try {
            return LOWER_HEX.formatHex(MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks " + algorithm, e);
        }
    }

    /** HEX(s): the UTF-8 bytes in upper-case hex ({@code HEX('hello,world')} is 68656C6C6F2C776F726C64). */
    public static String hex(String s) {
        return UPPER_HEX.formatHex(s.getBytes(StandardCharsets.UTF_8));
    }

    /** HEX(n): n in upper-case hex, a negative n as its 64-bit two's complement. */
    public static String hex(long n) {
        return Long.toHexString(n).toUpperCase(Locale.ROOT);
    }

    /** BIN(n): n in binary, a negative n as its 64-bit two's complement. */
    public static String bin(long n) {
        return Long.toBinaryString(n);
    }

    /** URL_ENCODE(s): {@code application/x-www-form-urlencoded} in UTF-8 (a blank becomes '+'). */
    public static String urlEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** URL_DECODE(s): the decoded text, or null when {@code s} holds an invalid escape, as in Flink. */
    public static String urlDecode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * PARSE_URL(url, part): the part of the URL named HOST, PATH, QUERY, REF, PROTOCOL, FILE,
     * AUTHORITY or USERINFO; null for a URL Java cannot parse, another part, or a part the URL
     * lacks.
     */
    public static String parseUrl(String url, String part) {
        URL parsed;
        try {
            parsed = new URL(url);
        } catch (MalformedURLException e) {
            return null;
        }
        return switch (part) {
            case "HOST" -> parsed.getHost();
            case "PATH" -> parsed.getPath();
            case "QUERY" -> parsed.getQuery();
            case "REF" -> parsed.getRef();
            case "PROTOCOL" -> parsed.getProtocol();
            case "FILE" -> parsed.getFile();
            case "AUTHORITY" -> parsed.getAuthority();
            case "USERINFO" -> parsed.getUserInfo();
            default -> null;
        };
    }

    /** PARSE_URL(url, 'QUERY', key): the value of the first {@code key=value} of the query, or null. */
    public static String parseUrl(String url, String part, String key) {
        if (!part.equals("QUERY")) {
            return null;
        }
        String query = parseUrl(url, part);
        if (query == null) {
            return null;
        }
        String prefix = key + "=";
        for (String pair : query.split("&", -1)) {
            if (pair.startsWith(prefix)) {
                return pair.substring(prefix.length());
            }
        }
        return null;
    }
}
