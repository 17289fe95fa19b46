package org.driverhost.lua.internal.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Finds the properties of a package's {@code driver.xml} that hold secrets: {@code <password>true</password>}
 * or {@code <type>PASSWORD</type>}. DOCTYPE declarations are rejected, as by the package parser.
 */
final class PasswordProperties {

    private PasswordProperties() {
    }

    /** Returns the names of the secret properties, or none when {@code driver.xml} is missing or invalid. */
    static Set<String> of(Path packageFolder) {
        Set<String> names = new LinkedHashSet<>();
        Path xml = packageFolder.resolve("driver.xml");
        if (!Files.isRegularFile(xml)) {
            return names;
        }
        NodeList properties;
        try (InputStream in = Files.newInputStream(xml)) {
            properties = newBuilder().parse(in).getElementsByTagName("property");
        } catch (IOException | SAXException | ParserConfigurationException e) {
            // The package parser has already rejected such a package with a message of its own.
            return names;
        }
        for (int i = 0; i < properties.getLength(); i++) {
            Element property = (Element) properties.item(i);
            String name = childText(property, "name");
            boolean password = "true".equalsIgnoreCase(childText(property, "password"))
                    || "PASSWORD".equals(childText(property, "type").toUpperCase(Locale.ROOT));
            if (!name.isEmpty() && password) {
                names.add(name);
            }
        }
        return names;
    }

    private static DocumentBuilder newBuilder() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder;
    }

    private static String childText(Element parent, String tag) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && tag.equals(element.getTagName())) {
                return element.getTextContent().trim();
            }
        }
        return "";
    }
}
