package org.driverhost.lua.internal.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.driverhost.lua.internal.deploy.DriverDescription.ScriptSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads a Control4 {@code driver.xml} ({@code <devicedata>} root, XML declaration optional) with the JDK's DOM
 * parser. DOCTYPE declarations are rejected, so neither external entities nor external DTDs are ever loaded.
 */
public final class DriverXmlParser {

    static final String DEFAULT_SCRIPT = "driver.lua";

    /**
     * Parses the {@code driver.xml} in a package folder.
     *
     * @throws PackageException when the file is missing, is not well-formed XML, has another root element or
     *     declares an encrypted script
     */
    public DriverDescription parse(Path packageRoot) throws PackageException {
        Path xml = packageRoot.resolve("driver.xml");
        Document document = read(xml);
        Element root = document.getDocumentElement();
        if (!"devicedata".equals(root.getTagName())) {
            throw new PackageException("invalid driver.xml: the root element is <" + root.getTagName()
                    + ">, expected <devicedata>");
        }

        Element config = firstChild(root, "config");
        ScriptSource script = scriptSource(config, packageRoot);
        Map<String, String> properties = propertyDefaults(config);
        return new DriverDescription(childText(root, "name"), childText(root, "version"),
                childText(root, "manufacturer"), childText(root, "model"), script, properties, rootTexts(root));
    }

    private static Map<String, String> rootTexts(Element root) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                texts.putIfAbsent(element.getTagName(), element.getTextContent().trim());
            }
        }
        return texts;
    }

    private static Document read(Path xml) throws PackageException {
        try (InputStream in = Files.newInputStream(xml)) {
            return newBuilder().parse(in);
        } catch (SAXException e) {
            throw new PackageException("invalid driver.xml: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new PackageException("driver.xml cannot be read: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilder newBuilder() throws PackageException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // The default handler prints parse errors to stderr before throwing; the exception is enough.
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new PackageException("the JDK's XML parser cannot be configured securely: " + e.getMessage(), e);
        }
    }

    /**
     * Finds the Lua code: {@code <script file="..."/>}, or a file name written as the element's text, or Lua
     * code written as the element's text (old drivers), else {@value #DEFAULT_SCRIPT}.
     */
    private static ScriptSource scriptSource(Element config, Path packageRoot) throws PackageException {
        Element script = config == null ? null : firstChild(config, "script");
        if (script == null) {
            return ScriptSource.ofFile(DEFAULT_SCRIPT);
        }
        ScriptSource source = declaredSource(script, packageRoot);
        String encryption = script.getAttribute("encryption").trim();
        if (!encryption.isEmpty() && !"0".equals(encryption)) {
            PlainTextCheck.requirePlainText(source, packageRoot, encryption);
        }
        return source;
    }

    private static ScriptSource declaredSource(Element script, Path packageRoot) {
        String file = script.getAttribute("file").trim();
        if (!file.isEmpty()) {
            return ScriptSource.ofFile(file);
        }
        String text = script.getTextContent();
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return ScriptSource.ofFile(DEFAULT_SCRIPT);
        }
        if (looksLikeFileName(trimmed) && Files.isRegularFile(packageRoot.resolve(trimmed).normalize())) {
            return ScriptSource.ofFile(trimmed);
        }
        return ScriptSource.ofInlineCode(text);
    }

    private static boolean looksLikeFileName(String text) {
        return text.endsWith(".lua") && text.indexOf('\n') < 0 && !text.contains("..") && !text.startsWith("/");
    }

    private static Map<String, String> propertyDefaults(Element config) {
        Map<String, String> defaults = new LinkedHashMap<>();
        Element properties = config == null ? null : firstChild(config, "properties");
        if (properties == null) {
            return defaults;
        }
        NodeList children = properties.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element property && "property".equals(property.getTagName())) {
                String name = childText(property, "name");
                if (!name.isEmpty()) {
                    defaults.put(name, defaultValue(property));
                }
            }
        }
        return defaults;
    }

    /** Returns {@code <default>}, or for a LIST without one its first item, as a controller shows it. */
    private static String defaultValue(Element property) {
        Element value = firstChild(property, "default");
        if (value != null) {
            return value.getTextContent().trim();
        }
        Element items = firstChild(property, "items");
        Element first = items == null ? null : firstChild(items, "item");
        return first == null ? "" : first.getTextContent().trim();
    }

    private static String childText(Element parent, String tag) {
        Element child = firstChild(parent, tag);
        return child == null ? "" : child.getTextContent().trim();
    }

    private static Element firstChild(Element parent, String tag) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && tag.equals(element.getTagName())) {
                return element;
            }
        }
        return null;
    }
}
