package dev.unwind.module.files;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** File content as shown in a diff. */
public final class Texts {
    private Texts() {
    }

    /** The bytes as text, or a one-line placeholder when they are not UTF-8 text. */
    public static String forDiff(byte[] bytes) {
        if (bytes == null) {
            return "";
        }
        for (byte b : bytes) {
            if (b == 0) {
                return "(binary content, " + bytes.length + " bytes)\n";
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return "(binary content, " + bytes.length + " bytes)\n";
        }
    }

    /** A one-line placeholder for content too large to show. */
    public static String summary(long size, String sha256) {
        return "(" + size + " bytes" + (sha256 == null ? "" : ", sha256 " + sha256) + ")\n";
    }
}
