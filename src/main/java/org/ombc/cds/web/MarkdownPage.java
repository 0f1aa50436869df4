package org.ombc.cds.web;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.HtmlUtils;

/**
 * The pages a clinician opens from a card, in a browser that carries no token: markdown rendered as HTML with every
 * HTML character of the text escaped and unsafe URLs dropped, served with headers that forbid scripts and send no
 * Referer to the sources the page links.
 */
public final class MarkdownPage {

    private static final Parser PARSER =
            Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder()
            .extensions(List.of(TablesExtension.create()))
            .escapeHtml(true)
            .sanitizeUrls(true)
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                if ("a".equals(tag)) {
                    attributes.put("rel", "noopener noreferrer");
                    attributes.put("target", "_blank");
                }
            })
            .build();
    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:48rem;margin:0 auto;"
            + "padding:1rem;color:#1f2933;line-height:1.45}table{border-collapse:collapse}td,th{border:1px solid "
            + "#d9e2ec;padding:.2rem .5rem}code{background:#f0f4f8;padding:0 .2rem}a{color:#1f5f99}"
            + "footer{margin-top:2rem;font-size:.85rem;color:#52606d}";

    private MarkdownPage() {}

    /**
     * The whole HTML document. A link to a relative address (another file of the repository the text was written
     * in) leads nowhere on a served page: its text stays, unlinked.
     *
     * @param title  plain text, escaped
     * @param footer plain text, escaped
     */
    public static String html(String title, String markdown, String footer) {
        Node document = PARSER.parse(markdown);
        unlinkRelative(document);
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>" + HtmlUtils.htmlEscape(title) + "</title>"
                + "<style>" + STYLE + "</style></head><body><main>" + HTML.render(document)
                + "</main><footer>" + HtmlUtils.htmlEscape(footer) + "</footer></body></html>";
    }

    /** No script runs, no Referer goes to the linked sources, and no cache keeps the page. */
    public static void secure(HttpHeaders h) {
        h.setCacheControl(CacheControl.noStore());
        h.set(
                "Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; " + "form-action 'none'");
        h.set("Referrer-Policy", "no-referrer");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Robots-Tag", "noindex");
    }

    private static void unlinkRelative(Node document) {
        List<Link> relative = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                String to = link.getDestination();
                if (!to.startsWith("https://") && !to.startsWith("http://") && !to.startsWith("#")) {
                    relative.add(link);
                }
                visitChildren(link);
            }
        });
        for (Link link : relative) {
            Node child = link.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                link.insertBefore(child);
                child = next;
            }
            link.unlink();
        }
    }
}
