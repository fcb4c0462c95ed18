package com.topup.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Field-level differences between an entry's before and after: both flattened to paths ({@code terms.capacity},
 * {@code carriers[1]}); a path present on one side only shows null on the other. Plain text states compare as one
 * value at the path "".
 */
public final class AuditDiff {

    /** One changed field. */
    public record Change(String path, JsonNode before, JsonNode after) {
    }

    private AuditDiff() {
    }

    public static List<Change> between(JsonNode before, JsonNode after) {
        Map<String, JsonNode> left = new TreeMap<>();
        Map<String, JsonNode> right = new TreeMap<>();
        flatten("", before, left);
        flatten("", after, right);
        TreeMap<String, Boolean> paths = new TreeMap<>();
        left.keySet().forEach(p -> paths.put(p, true));
        right.keySet().forEach(p -> paths.put(p, true));
        List<Change> changes = new ArrayList<>();
        for (String path : paths.keySet()) {
            JsonNode was = left.getOrDefault(path, NullNode.getInstance());
            JsonNode now = right.getOrDefault(path, NullNode.getInstance());
            if (!was.equals(now)) {
                changes.add(new Change(path, was, now));
            }
        }
        return changes;
    }

    private static void flatten(String path, JsonNode node, Map<String, JsonNode> into) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isObject() && node.size() > 0) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), into);
            }
        } else if (node.isArray() && node.size() > 0) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), into);
            }
        } else {
            into.put(path, node);
        }
    }
}
