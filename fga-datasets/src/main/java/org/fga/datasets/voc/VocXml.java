package org.fga.datasets.voc;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.fga.core.data.Box;
import org.fga.core.error.FgaUserException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads a PASCAL VOC annotation XML (also the format of ImageNet's validation boxes): the objects
 * with their names, boxes (1-based inclusive in the file, 0-based here) and flags.
 */
public final class VocXml {
  private VocXml() {}

  /** One {@code <object>}. */
  public record VocObject(String name, Box box, boolean difficult, boolean truncated) {}

  public static List<VocObject> read(Path file) {
    Document doc;
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      // annotation files never need external entities; refusing them keeps parsing local and safe
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      doc = b.parse(file.toFile());
    } catch (NoSuchFileException e) {
      throw new FgaUserException("annotation file not found: " + file);
    } catch (SAXException | ParserConfigurationException e) {
      throw new FgaUserException("malformed annotation XML " + file + ": " + e.getMessage());
    } catch (IOException e) {
      if (!file.toFile().exists()) {
        throw new FgaUserException("annotation file not found: " + file);
      }
      throw new FgaUserException("cannot read annotation XML " + file + ": " + e.getMessage());
    }
    List<VocObject> out = new ArrayList<>();
    NodeList objects = doc.getElementsByTagName("object");
    for (int i = 0; i < objects.getLength(); i++) {
      Element o = (Element) objects.item(i);
      String name = text(o, "name", file);
      Element bb = (Element) o.getElementsByTagName("bndbox").item(0);
      if (bb == null) {
        throw new FgaUserException(
            file + ": object " + (i + 1) + " (" + name + ") has no <bndbox>");
      }
      int x0 = coord(bb, "xmin", file);
      int y0 = coord(bb, "ymin", file);
      int x1 = coord(bb, "xmax", file);
      int y1 = coord(bb, "ymax", file);
      if (x1 < x0 || y1 < y0) {
        throw new FgaUserException(
            file + ": object " + (i + 1) + " (" + name + ") has an empty box");
      }
      out.add(
          new VocObject(
              name.strip(),
              new Box(x0 - 1, y0 - 1, x1 - 1, y1 - 1),
              flag(o, "difficult"),
              flag(o, "truncated")));
    }
    return out;
  }

  private static String text(Element e, String tag, Path file) {
    NodeList l = e.getElementsByTagName(tag);
    if (l.getLength() == 0) {
      throw new FgaUserException(file + ": <" + e.getTagName() + "> has no <" + tag + ">");
    }
    return l.item(0).getTextContent();
  }

  private static int coord(Element bb, String tag, Path file) {
    String t = text(bb, tag, file).strip();
    try {
      // some releases write coordinates as floats ("273.0")
      return (int) Math.round(Double.parseDouble(t));
    } catch (NumberFormatException ex) {
      throw new FgaUserException(file + ": <" + tag + "> is '" + t + "', not a number");
    }
  }

  private static boolean flag(Element o, String tag) {
    NodeList l = o.getElementsByTagName(tag);
    return l.getLength() > 0 && l.item(0).getTextContent().strip().equals("1");
  }
}
