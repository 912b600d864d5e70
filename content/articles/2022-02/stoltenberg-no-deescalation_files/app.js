console.log('tracker')
