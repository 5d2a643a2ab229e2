/// Unknown keys are problems, not silently ignored: a misspelt key would otherwise leave its default in force
/// without anyone noticing.
extension ConfigurationObjectReader {
    mutating func reportUnknownKeys(allowed: [String]) {
        let known = Set(allowed)
        for member in members where !known.contains(member.key) {
            let suggestion = Self.closest(to: member.key, among: allowed).map { "; did you mean \($0)?" }
            let expected = "is not a known key\(suggestion ?? ".") Allowed here: \(allowed.joined(separator: ", "))"
            problems.append(ConfigurationProblem(keyPath: path(member.key), value: nil, expected: expected))
        }
    }

    /// The allowed key nearest to a misspelt one, when it is near enough to be what was meant.
    static func closest(to key: String, among allowed: [String]) -> String? {
        let lowered = key.lowercased()
        if let sameLetters = allowed.first(where: { $0.lowercased() == lowered }) { return sameLetters }
        let distanceMax = max(2, key.count / 4)
        let scored = allowed.map { (key: $0, distance: editDistance(lowered, $0.lowercased())) }
        guard let best = scored.min(by: { $0.distance < $1.distance }), best.distance <= distanceMax else {
            return nil
        }
        return best.key
    }

    /// Levenshtein distance over characters; keys are short, so the quadratic cost does not matter.
    static func editDistance(_ left: String, _ right: String) -> Int {
        let left = Array(left)
        let right = Array(right)
        var previous = Array(0...right.count)
        for (leftIndex, leftCharacter) in left.enumerated() {
            var row = [leftIndex + 1]
            for (rightIndex, rightCharacter) in right.enumerated() {
                let substitution = previous[rightIndex] + (leftCharacter == rightCharacter ? 0 : 1)
                row.append(min(substitution, previous[rightIndex + 1] + 1, row[rightIndex] + 1))
            }
            previous = row
        }
        return previous[right.count]
    }
}
