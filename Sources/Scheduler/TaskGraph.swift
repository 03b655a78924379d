/// The dependencies between tasks: checked for duplicates, unknown ids and cycles.
struct TaskGraph {
    let tasks: [TaskSpec]
    let file: String

    /// - Throws: The first problem found, in file order: a duplicate id, an unknown need, a cycle.
    func check() throws(TaskFileError) {
        var index: [String: Int] = [:]
        for (i, task) in tasks.enumerated() {
            guard index.updateValue(i, forKey: task.id) == nil else { throw .duplicateID(file: file, id: task.id) }
        }
        for task in tasks {
            if let unknown = task.needs.first(where: { index[$0] == nil }) {
                throw .unknownNeed(file: file, id: task.id, need: unknown)
            }
        }
        if let cycle = findCycle(index: index) { throw .cycle(file: file, ids: cycle) }
    }

    /// A cycle as ids along it, the first repeated at the end; nil when there is none.
    /// Depth-first search; a need reached while still on the path closes a cycle.
    private func findCycle(index: [String: Int]) -> [String]? {
        enum Mark { case unvisited, onPath, done }
        var marks = [Mark](repeating: .unvisited, count: tasks.count)
        var path: [Int] = []

        func visit(_ i: Int) -> [String]? {
            marks[i] = .onPath
            path.append(i)
            for need in tasks[i].needs {
                let j = index[need]!
                switch marks[j] {
                case .onPath:
                    let start = path.firstIndex(of: j)!
                    return (path[start...] + [j]).map { tasks[$0].id }
                case .unvisited:
                    if let cycle = visit(j) { return cycle }
                case .done:
                    continue
                }
            }
            path.removeLast()
            marks[i] = .done
            return nil
        }

        for i in tasks.indices where marks[i] == .unvisited {
            if let cycle = visit(i) { return cycle }
        }
        return nil
    }
}
