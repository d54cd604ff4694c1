package io.newsflow.enrich.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * Bodies every province has (Thành ủy, HĐND, UBND, Sở Y tế…), marked {@code local-body} in the entity
 * files. The recognizer names them with their place ({@code org:ubnd} + {@code loc:ha-noi} →
 * {@code org:ubnd-ha-noi}); like the place itself they are the setting of local news rather than an
 * actor that ties two stories together.
 */
public final class LocalBodies {

    /** The tab-separated entity files under {@code knowledge/}: id, type, name, aliases, notes. */
    public static final List<String> ENTITY_FILES = List.of("knowledge/provinces-vn.tsv", "knowledge/countries.tsv",
            "knowledge/organizations-vn.tsv", "knowledge/persons.tsv");

    private final List<String> idPrefixes;

    private LocalBodies(List<String> idPrefixes) {
        this.idPrefixes = List.copyOf(idPrefixes);
    }

    public static LocalBodies load() {
        List<String> prefixes = new ArrayList<>();
        for (String file : ENTITY_FILES) {
            for (String line : ResourceLines.lines(file)) {
                String[] columns = line.split("\t");
                if (columns.length > 4 && columns[4].contains("local-body")) {
                    prefixes.add(columns[0].strip() + "-");
                }
            }
        }
        return new LocalBodies(prefixes);
    }

    /** Whether the entity id names a local body of some place ("org:ubnd-ha-noi"). */
    public boolean isLocalBody(String entityId) {
        for (String prefix : idPrefixes) {
            if (entityId.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
