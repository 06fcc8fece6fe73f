package org.tonearm.web.internal.share;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A shared card as a 1200×630 PNG (the OpenGraph image size), drawn with Java2D in the JDK's logical sans-serif font
 * (no font is fetched): a title, a subtitle and up to five ranked lines, in type big enough to read on a phone.
 */
final class ShareImage {

    static final int WIDTH = 1200;
    static final int HEIGHT = 630;

    private ShareImage() {}

    static byte[] png(String title, String subtitle, List<String> lines) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(0x4f46e5));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(new Color(0x3b33c9));
            g.fillRect(0, HEIGHT - 70, WIDTH, 70);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 64));
            g.drawString(fit(g, title, WIDTH - 120), 60, 110);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 34));
            g.setColor(new Color(0xe8e7fd));
            g.drawString(fit(g, subtitle, WIDTH - 120), 60, 165);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
            int y = 240;
            for (int i = 0; i < Math.min(5, lines.size()); i++) {
                g.drawString(fit(g, (i + 1) + ". " + lines.get(i), WIDTH - 120), 60, y);
                y += 64;
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 30));
            g.drawString("Tonearm", 60, HEIGHT - 24);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Cuts a line that is too wide and ends it with an ellipsis. */
    private static String fit(Graphics2D g, String text, int width) {
        FontMetrics m = g.getFontMetrics();
        if (m.stringWidth(text) <= width) {
            return text;
        }
        String t = text;
        while (!t.isEmpty() && m.stringWidth(t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }
}
