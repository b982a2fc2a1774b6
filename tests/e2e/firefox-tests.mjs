export async function firefoxTests() {}
