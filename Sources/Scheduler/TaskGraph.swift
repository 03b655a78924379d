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
    ///
    /// Depth-first search with an explicit stack, not recursion: a chain of
    /// 100,000 needs would overflow the thread's stack. A need reached while
    /// still on the path closes a cycle.
    private func findCycle(index: [String: Int]) -> [String]? {
        enum Mark { case unvisited, onPath, done }
        var marks = [Mark](repeating: .unvisited, count: tasks.count)
        // The path from the root of the search: each task with the position of its next need to look at.
        var path: [(task: Int, next: Int)] = []
        var position = [Int](repeating: -1, count: tasks.count)  // where a task on the path stands in it

        for root in tasks.indices where marks[root] == .unvisited {
            marks[root] = .onPath
            position[root] = 0
            path = [(root, 0)]
            while let (i, next) = path.last {
                guard next < tasks[i].needs.count else {
                    marks[i] = .done
                    path.removeLast()
                    continue
                }
                path[path.count - 1].next += 1
                let j = index[tasks[i].needs[next]]!
                switch marks[j] {
                case .onPath:
                    return (path[position[j]...].map(\.task) + [j]).map { tasks[$0].id }
                case .unvisited:
                    marks[j] = .onPath
                    position[j] = path.count
                    path.append((j, 0))
                case .done:
                    continue
                }
            }
        }
        return nil
    }
}
