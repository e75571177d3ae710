/// A line diff between two texts, rendered as a unified diff people can read.
struct LineDiff {
    enum Line: Equatable {
        case same(String)
        case removed(String)
        case added(String)
    }

    let lines: [Line]

    init(_ before: [String], _ after: [String]) {
        let difference = after.difference(from: before)
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var result: [Line] = []
        var i = 0
        var j = 0
        while i < before.count || j < after.count {
            if i < before.count && removed.contains(i) {
                result.append(.removed(before[i]))
                i += 1
            } else if j < after.count && inserted.contains(j) {
                result.append(.added(after[j]))
                j += 1
            } else {
                if i < before.count { result.append(.same(before[i])) }
                i += 1
                j += 1
            }
        }
        lines = result
    }

    var added: Int { lines.filter { if case .added = $0 { true } else { false } }.count }
    var removed: Int { lines.filter { if case .removed = $0 { true } else { false } }.count }

    func unified(oldName: String, newName: String, context: Int) -> String {
        let changed = lines.indices.filter { if case .same = lines[$0] { false } else { true } }
        guard !changed.isEmpty else { return "" }
        // Group changes whose context windows touch into hunks.
        var hunks: [ClosedRange<Int>] = []
        for index in changed {
            let window = max(0, index - context)...min(lines.count - 1, index + context)
            if let last = hunks.last, window.lowerBound <= last.upperBound + 1 {
                hunks[hunks.count - 1] = last.lowerBound...max(last.upperBound, window.upperBound)
            } else {
                hunks.append(window)
            }
        }
        var output = ["--- \(oldName)", "+++ \(newName)"]
        for hunk in hunks {
            var oldStart = 1
            var newStart = 1
            for line in lines[..<hunk.lowerBound] {
                if case .added = line {} else { oldStart += 1 }
                if case .removed = line {} else { newStart += 1 }
            }
            let body = lines[hunk]
            let oldCount = body.filter { if case .added = $0 { false } else { true } }.count
            let newCount = body.filter { if case .removed = $0 { false } else { true } }.count
            // An empty side is numbered from 0, as diff(1) does.
            let oldFrom = oldCount == 0 ? oldStart - 1 : oldStart
            let newFrom = newCount == 0 ? newStart - 1 : newStart
            output.append("@@ -\(oldFrom),\(oldCount) +\(newFrom),\(newCount) @@")
            for line in body {
                switch line {
                case .same(let text): output.append(" \(text)")
                case .removed(let text): output.append("-\(text)")
                case .added(let text): output.append("+\(text)")
                }
            }
        }
        return output.joined(separator: "\n") + "\n"
    }
}
