package ae.rta.cctv.vms.adapter.out.onvif;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** Reading and writing the XML of ONVIF SOAP messages: a hardened parser, element look-ups by local name, escaping. */
final class OnvifXml {

    private OnvifXml() {
    }

    /** @throws OnvifClient.OnvifException when the bytes are not well-formed XML (or declare a DOCTYPE) */
    static Document parse(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new OnvifClient.OnvifException("the device's answer is not SOAP", e);
        }
    }

    /** The first descendant of {@code root} with this local name (any namespace), or null. */
    static Element optional(Element root, String localName) {
        if (root == null) {
            return null;
        }
        NodeList nodes = root.getElementsByTagNameNS("*", localName);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    /** @throws OnvifClient.OnvifException when there is no such descendant */
    static Element first(Element root, String localName) {
        Element e = optional(root, localName);
        if (e == null) {
            throw new OnvifClient.OnvifException("the device's answer has no " + localName, null);
        }
        return e;
    }

    /** The direct children of {@code parent} with this local name. */
    static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    /** The first direct child with this local name, or null. */
    static Element child(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? null : found.getFirst();
    }

    /** The element found by walking direct children by local name, or null where the path ends. */
    static Element path(Element root, String... localNames) {
        Element e = root;
        for (String name : localNames) {
            e = child(e, name);
            if (e == null) {
                return null;
            }
        }
        return e;
    }

    static String text(Element e) {
        return e == null ? "" : e.getTextContent().strip();
    }

    /** The children of {@code parent} written out as XML (for WS-Addressing reference parameters). */
    static String childrenXml(Element parent) {
        if (parent == null) {
            return "";
        }
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element) {
                    transformer.transform(new DOMSource(n), new StreamResult(out));
                }
            }
            return out.toString();
        } catch (TransformerException e) {
            throw new OnvifClient.OnvifException("the device's subscription reference cannot be echoed", e);
        }
    }

    static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }

    /** A URL as it may be logged or shown, through the one masking function (devices answer URLs with logins in them). */
    static String masked(URI uri) {
        return uri == null ? "" : ae.rta.cctv.common.security.Secrets.mask(uri.toString());
    }

    /** A device-supplied text made safe for a log line or a stored reason: no control characters, bounded length. */
    static String printable(String value, int max) {
        String s = value == null ? "" : value.replaceAll("\\p{Cntrl}+", " ").strip();
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }
}
