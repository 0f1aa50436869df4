package org.ombc.cds.apps.smart.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The SVG is well-formed, says what each shape stands for, and cannot be injected through record text. */
class TimelineSvgTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    private static List<Element> byClass(Document doc, String tag, String cssClass) {
        NodeList nodes = doc.getElementsByTagName(tag);
        List<Element> out = new java.util.ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (cssClass.equals(e.getAttribute("class"))) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void oneRowPerSiteOneBandPerTherapyOneTickPerScanAndEveryMark() throws Exception {
        DateSpan omd = DateSpan.day(LocalDate.of(2024, 3, 1));
        Timeline t = new Timeline(
                LocalDate.of(2015, 11, 1),
                LocalDate.of(2027, 2, 1),
                TODAY,
                "Oligometastatic",
                List.of(
                        new Timeline.SiteRow("bone", "Bone", List.of(new Timeline.LesionBar(omd, TODAY, true, 2))),
                        new Timeline.SiteRow(
                                "liver",
                                "Liver",
                                List.of(new Timeline.LesionBar(
                                        DateSpan.day(LocalDate.of(2019, 1, 1)), LocalDate.of(2020, 1, 1), false, 1)))),
                List.of(
                        new Timeline.TherapyBand(
                                "letrozole", LocalDate.of(2016, 1, 1), LocalDate.of(2021, 1, 1), false),
                        new Timeline.TherapyBand("palbociclib", LocalDate.of(2024, 4, 1), TODAY, true)),
                List.of(LocalDate.of(2024, 2, 20), LocalDate.of(2025, 1, 5)),
                List.of(
                        new Timeline.Mark(
                                Timeline.MarkKind.PRIMARY_DIAGNOSIS, "Primary", DateSpan.day(LocalDate.of(2016, 1, 1))),
                        new Timeline.Mark(Timeline.MarkKind.OMD_DIAGNOSIS, "OMD diagnosis", omd),
                        new Timeline.Mark(
                                Timeline.MarkKind.TWENTY_FOUR_MONTHS_AFTER_PRIMARY,
                                "24 months",
                                DateSpan.day(LocalDate.of(2018, 1, 1)))));

        Document svg = parse(TimelineSvg.render(t));

        assertThat(byClass(svg, "g", "site-row"))
                .extracting(e -> e.getAttribute("data-site"))
                .containsExactly("bone", "liver");
        assertThat(byClass(svg, "g", "therapy-band"))
                .extracting(e -> e.getAttribute("data-ongoing"))
                .containsExactly("false", "true");
        assertThat(byClass(svg, "line", "imaging-tick")).hasSize(2);
        assertThat(byClass(svg, "g", "mark"))
                .extracting(e -> e.getAttribute("data-mark"))
                .containsExactly("omd", "24-months");
        assertThat(svg.getDocumentElement().getAttribute("width")).isEqualTo("1000");
    }

    @Test
    void textFromTheRecordIsEscaped() throws Exception {
        Timeline t = new Timeline(
                LocalDate.of(2020, 1, 1),
                LocalDate.of(2027, 1, 1),
                TODAY,
                "<script>x</script>",
                List.of(),
                List.of(new Timeline.TherapyBand(
                        "a\"><script>alert(1)</script>", LocalDate.of(2021, 1, 1), TODAY, true)),
                List.of(),
                List.of());

        String rendered = TimelineSvg.render(t);

        assertThat(rendered).doesNotContain("<script>");
        assertThat(byClass(parse(rendered), "g", "therapy-band"))
                .singleElement()
                .satisfies(e -> assertThat(e.getAttribute("data-agent")).isEqualTo("a\"><script>alert(1)</script>"));
    }
}
