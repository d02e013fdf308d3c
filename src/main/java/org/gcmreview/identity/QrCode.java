package org.gcmreview.identity;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code as the path of an inline SVG (one unit-high rectangle per run of dark modules): no image request, no script, nothing
 * the content security policy has to allow, and the secret it carries never leaves the page.
 */
record QrCode(int size, String path) {

    static QrCode of(String text) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            StringBuilder path = new StringBuilder();
            // one rectangle per horizontal run of dark modules keeps the path short
            for (int y = 0; y < matrix.getHeight(); y++) {
                int x = 0;
                while (x < matrix.getWidth()) {
                    if (!matrix.get(x, y)) {
                        x++;
                        continue;
                    }
                    int start = x;
                    while (x < matrix.getWidth() && matrix.get(x, y)) {
                        x++;
                    }
                    path.append('M').append(start).append(' ').append(y).append('h').append(x - start)
                            .append("v1h-").append(x - start).append('z');
                }
            }
            return new QrCode(matrix.getWidth(), path.toString());
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }
}
